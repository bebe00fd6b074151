import { routingUri } from '../../src/neo4j-endpoint';

describe('routingUri', () => {
  it.each([
    ['bolt://127.0.0.1:7688', 'neo4j://127.0.0.1:7688'],
    ['bolt+s://db.example:7687', 'neo4j+s://db.example:7687'],
    ['bolt+ssc://db.example', 'neo4j+ssc://db.example'],
    ['neo4j://db.example', 'neo4j://db.example'],
    ['neo4j+s://x.databases.neo4j.io', 'neo4j+s://x.databases.neo4j.io'],
  ])('when given %s, then it reaches the same server through routing: %s', (uri, expected) => {
    expect(routingUri(uri)).toBe(expected);
  });
});
