/*
 * The database's notes about itself, kept on :CareerGraphMeta nodes (one per key, unique): the
 * scratch marker, the applied schema definitions and the seeding guard. The graph's own
 * statements (counts, resets, exports) only touch the model's labels, so they never see these.
 */

export const META_LABEL = 'CareerGraphMeta';

/** The scratch marker's purpose (if any) and how many nodes other than notes the database holds. */
export const SCRATCH_STATE = `
OPTIONAL MATCH (m:${META_LABEL} {key: 'scratch'})
CALL () { MATCH (n) WHERE NOT n:${META_LABEL} RETURN count(n) AS nodes }
RETURN m.purpose AS purpose, nodes
`;

export const MARK_SCRATCH = `
MERGE (m:${META_LABEL} {key: 'scratch'})
ON CREATE SET m.purpose = $purpose, m.createdAt = datetime()
RETURN m.purpose AS purpose
`;

/** Taken at the start of a seeding transaction: a second seeder waits here until the first commits. */
export const TAKE_SEED_LOCK = `
MERGE (m:${META_LABEL} {key: 'seeding'})
SET m.lockedAt = datetime()
`;

export const READ_SCHEMA_RECORD = `
OPTIONAL MATCH (m:${META_LABEL} {key: 'schema'})
RETURN m.definitions AS definitions
`;

export const WRITE_SCHEMA_RECORD = `
MERGE (m:${META_LABEL} {key: 'schema'})
SET m.definitions = $definitions, m.version = $version, m.appliedAt = datetime()
`;
