// Applied at every start and by the loader; each statement is idempotent (IF NOT EXISTS).
// Every statement creates a named constraint or index. Edit a definition here and the next start
// drops the old one and creates the new one (and records it in the database); delete one and the
// next start drops it. Names are how a definition is followed, so rename only to replace.
// One uniqueness constraint on id per label: ids are the graph's primary keys.
CREATE CONSTRAINT role_id IF NOT EXISTS FOR (n:Role) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT tool_id IF NOT EXISTS FOR (n:Tool) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT skill_id IF NOT EXISTS FOR (n:Skill) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT framework_id IF NOT EXISTS FOR (n:Framework) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT employer_id IF NOT EXISTS FOR (n:Employer) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT workflow_id IF NOT EXISTS FOR (n:Workflow) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT language_id IF NOT EXISTS FOR (n:Language) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT category_id IF NOT EXISTS FOR (n:Category) REQUIRE n.id IS UNIQUE;
// One node per loaded data source (publisher), keyed by the publisher's key in src/sources/publishers.ts.
CREATE CONSTRAINT data_source_key IF NOT EXISTS FOR (n:DataSource) REQUIRE n.key IS UNIQUE;
// The database's notes about itself (scratch marker, applied schema, seeding guard), one per key.
CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (n:CareerGraphMeta) REQUIRE n.key IS UNIQUE;

// Lists are ordered by name then id; filters match on these properties.
CREATE INDEX role_name IF NOT EXISTS FOR (n:Role) ON (n.name);
CREATE INDEX role_level IF NOT EXISTS FOR (n:Role) ON (n.level);
CREATE INDEX role_track IF NOT EXISTS FOR (n:Role) ON (n.track);
CREATE INDEX tool_name IF NOT EXISTS FOR (n:Tool) ON (n.name);
CREATE INDEX skill_name IF NOT EXISTS FOR (n:Skill) ON (n.name);
CREATE INDEX framework_name IF NOT EXISTS FOR (n:Framework) ON (n.name);
CREATE INDEX employer_name IF NOT EXISTS FOR (n:Employer) ON (n.name);
CREATE INDEX workflow_name IF NOT EXISTS FOR (n:Workflow) ON (n.name);
CREATE INDEX language_name IF NOT EXISTS FOR (n:Language) ON (n.name);
CREATE INDEX category_name IF NOT EXISTS FOR (n:Category) ON (n.name);

// Search over names, aliases, alternate titles (uncapped, thousands for some occupations) and
// descriptions of every kind of node.
CREATE FULLTEXT INDEX node_search IF NOT EXISTS
FOR (n:Role|Tool|Skill|Framework|Employer|Workflow|Language|Category)
ON EACH [n.name, n.aliases, n.alternateTitles, n.description, n.summary];
