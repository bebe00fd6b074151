/** Which Neo4j answers: name, version and edition of the kernel component. */
export const DB_INFO = `
CALL dbms.components() YIELD name, versions, edition
WHERE name = 'Neo4j Kernel'
RETURN { name: name, version: versions[0], edition: edition } AS info
`;
