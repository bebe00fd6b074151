/** The readers of the publishers' files and their mapping into one SourceGraph. */
export {
  readSources,
  addRoleMapping,
  type SourceInputs,
  type SourceReport,
  type ReadOptions,
  type ProgressEvent,
} from './read-sources';
export { openFileSet, InputError, type FileSet } from './files';
export { readTable, formatProblem, TableError, type FileReport, type RowProblem } from './table';
export { readOnet, addOnet, ONET_FILES, type OnetData } from './onet';
export { readEsco, addEsco, escoKind, ESCO_FILES, type EscoData, type EscoKindRule } from './esco';
export { readCrosswalk, addCrosswalk, CROSSWALK_FILES, type CrosswalkData, type RoleLookup } from './crosswalk';
export { readBls, addBls, payFor, borrowedPay, SALARY_SOURCE, BLS_FILES, type Salary, type Pay } from './bls';
export { addArticle } from './article';
export {
  GraphBuilder,
  THING_KINDS,
  USE_EDGE_BY_KIND,
  KIND_STRENGTH,
  type SourceGraph,
  type SourceNode,
  type SourceEdge,
  type SourceEdgeType,
  type MergeReport,
  type NodeClaim,
  type KnownNode,
  type Merge,
  type NearMiss,
  type Properties,
} from './graph';
export {
  normaliseName,
  looseKey,
  transliterate,
  idSlug,
  identityKey,
  aliasTable,
  IdentityIndex,
  IdRegistry,
} from './identity';
export { PUBLISHERS, provenance, type Provenance, type PublisherKey } from './publishers';
export { loadMatchTables, DATA_DIR, type MatchTables, type RoleMapping } from './tables';
