import { addArticle } from './article';
import { addBls, borrowedPay, readBls } from './bls';
import { addCrosswalk, readCrosswalk, type RoleLookup } from './crosswalk';
import { addEsco, readEsco } from './esco';
import { openFileSet, type FileSet } from './files';
import { GraphBuilder, type KnownNode, type MergeReport, type SourceGraph } from './graph';
import { addOnet, readOnet } from './onet';
import { PUBLISHERS, provenance, type PublisherKey } from './publishers';
import { loadMatchTables, type RoleMapping } from './tables';
import type { FileReport } from './table';

export interface SourceInputs {
  /** Seed files or folders of the article (e.g. ["seed"]). */
  article?: string[];
  /** A folder of O*NET text files, or the publisher's zip. */
  onet?: string[];
  /** The two ESCO zips, or a folder holding them or their files. */
  esco?: string[];
  /** Nesta's crosswalk CSV and, beside it, the O*NET-SOC 2010 -> 2019 crosswalk. */
  crosswalk?: string[];
  /** The BLS OEWS national CSV, or a folder holding it. */
  bls?: string[];
}

export interface SourceReport {
  publisher: PublisherKey;
  source: string;
  version: string;
  files: FileReport[];
  /** Publisher-specific counts (distinct ids, rows updated by the 2010 -> 2019 crosswalk...). */
  counts: Record<string, number>;
  ms: number;
}

export type ProgressEvent =
  | { publisher: PublisherKey; phase: 'reading' | 'mapping' | 'done' }
  | { publisher: PublisherKey; phase: 'rows'; file: string; rows: number };

export interface ReadOptions {
  /** Phases of each source, and within reading the rows read so far per file. */
  onProgress?: (event: ProgressEvent) => void;
  tables?: Awaited<ReturnType<typeof loadMatchTables>>;
  /** What the graph already holds, so ids stay unique and things join by the identity rule. */
  existing?: Iterable<KnownNode>;
  existingIds?: Iterable<string>;
  /**
   * Roles already in the graph by their publisher ids, so a source read alone (the crosswalk,
   * or O*NET after the article) links to them. Roles read in this run are found first.
   */
  roles?: RoleLookup & { articleRole(id: string): boolean };
}

/**
 * Reads every source given, maps them into one SourceGraph (article first, so its ids and kinds
 * win), and reports rows read, used and skipped per file, and the identity merges.
 */
export async function readSources(
  inputs: SourceInputs,
  options: ReadOptions = {},
): Promise<{ graph: SourceGraph; reports: SourceReport[]; merges: MergeReport }> {
  const tables = options.tables ?? (await loadMatchTables());
  const builder = new GraphBuilder({
    aliases: tables.aliases,
    kindTable: tables.kindTable,
    existingIds: options.existingIds,
    existingThings: options.existing,
  });
  const reports: SourceReport[] = [];
  const step = async <T>(
    publisher: PublisherKey,
    paths: string[] | undefined,
    run: (files: FileSet) => Promise<{ files: FileReport[]; counts: Record<string, number>; value: T }>,
  ) => {
    if (!paths) return undefined;
    const started = Date.now();
    options.onProgress?.({ publisher, phase: 'reading' });
    const files = await openFileSet(paths, (file, rows) =>
      options.onProgress?.({ publisher, phase: 'rows', file, rows }),
    );
    try {
      const result = await run(files);
      const { source, version } = PUBLISHERS[publisher];
      reports.push({
        publisher,
        source,
        version,
        files: result.files,
        counts: result.counts,
        ms: Date.now() - started,
      });
      options.onProgress?.({ publisher, phase: 'done' });
      return result.value;
    } finally {
      files.close();
    }
  };

  if (inputs.article) {
    const started = Date.now();
    const counts = await addArticle(builder, inputs.article);
    reports.push({ publisher: 'article', ...PUBLISHERS.article, files: [], counts, ms: Date.now() - started });
  }
  const onetRoles = await step('onet', inputs.onet, async (files) => {
    const { data, reports: fileReports } = await readOnet(files);
    options.onProgress?.({ publisher: 'onet', phase: 'mapping' });
    const roles = addOnet(builder, data);
    return {
      files: fileReports,
      counts: {
        occupations: data.occupations.size,
        technologyRows: data.technologies.length,
        technologies: new Set(data.technologies.map((t) => t.example)).size,
        occupationsWithTechnologies: new Set(data.technologies.map((t) => t.code)).size,
        commodities: new Set(data.technologies.map((t) => t.commodityCode)).size,
        alternateTitles: [...data.occupations.values()].reduce((n, o) => n + o.alternateTitles.length, 0),
        relatedOccupations: data.related.length,
      },
      value: roles,
    };
  });
  const escoRoles = await step('esco', inputs.esco, async (files) => {
    const { data, reports: fileReports } = await readEsco(files);
    options.onProgress?.({ publisher: 'esco', phase: 'mapping' });
    const roles = addEsco(builder, data, tables.escoRule);
    return {
      files: fileReports,
      counts: {
        occupations: data.occupations.size,
        skills: data.skills.size,
        relationRows: data.relationRows.essential + data.relationRows.optional,
        essentialRows: data.relationRows.essential,
        optionalRows: data.relationRows.optional,
        relations: data.relations.length,
        broader: data.broader.length,
      },
      value: roles,
    };
  });
  // Roles read in this run first, then those the graph already holds.
  const lookup: RoleLookup = {
    onetRole: (code) => onetRoles?.get(code) ?? options.roles?.onetRole(code),
    escoRole: (uri) => escoRoles?.get(uri) ?? options.roles?.escoRole(uri),
  };
  const crosswalk = await step('crosswalk', inputs.crosswalk, async (files) => {
    const { data, reports: fileReports } = await readCrosswalk(files);
    const counts: Record<string, number> = {
      escoOccupations: new Set(data.rows.map((r) => r.escoUri)).size,
      onetCodes2010: new Set(data.rows.map((r) => r.onetCode2010)).size,
      rowsUpdated: data.rowsUpdated,
      rowsOneToMany: data.rowsOneToMany,
    };
    if (onetRoles) {
      counts.codesAbsentFromOnet = new Set(data.rows.map((r) => r.onetCode2010).filter((c) => !onetRoles.has(c))).size;
      counts.codesAbsentAfterMapping = new Set(
        data.rows.flatMap((r) => r.onetCodes).filter((c) => !onetRoles.has(c)),
      ).size;
    }
    if (escoRoles)
      counts.escoUrisAbsentFromEsco = new Set(data.rows.map((r) => r.escoUri).filter((u) => !escoRoles.has(u))).size;
    const { edges, unresolved } = addCrosswalk(builder, data, lookup);
    counts.equivalences = edges;
    for (const [why, n] of Object.entries(unresolved)) counts[`unresolved: ${why}`] = n;
    return { files: fileReports, counts, value: data };
  });
  await step('bls', inputs.bls, async (files) => {
    const { data, reports: fileReports } = await readBls(files);
    const detailed = [...data.values()];
    const counts: Record<string, number> = {
      detailed: detailed.length,
      topCodedP90: detailed.filter((o) => o.wages.p90 === '#').length,
      topCodedMedian: detailed.filter((o) => o.wages.median === '#').length,
      hourlyOnly: detailed.filter((o) => o.period === 'HOUR').length,
    };
    if (onetRoles) {
      addBls(builder, data, onetRoles);
      counts.onetRolesWithSalary = [...onetRoles.values()].filter(
        (id) => builder.nodeById(id)?.properties.salary,
      ).length;
    }
    if (escoRoles && crosswalk && onetRoles)
      counts.escoRolesWithBorrowedSalary = addBorrowedPay(builder, crosswalk.rows, escoRoles, onetRoles, data);
    return { files: fileReports, counts, value: undefined };
  });
  const articleRole = (id: string) =>
    builder.nodeById(id)?.kind === 'ROLE' || (options.roles?.articleRole(id) ?? false);
  if (inputs.article || inputs.onet || inputs.esco) addRoleMapping(builder, tables.roleMapping, lookup, articleRole);
  const { graph, merges } = builder.build();
  return { graph, reports, merges };
}

function addBorrowedPay(
  builder: GraphBuilder,
  rows: Awaited<ReturnType<typeof readCrosswalk>>['data']['rows'],
  escoRoles: ReadonlyMap<string, string>,
  onetRoles: ReadonlyMap<string, string>,
  bls: Awaited<ReturnType<typeof readBls>>['data'],
): number {
  const candidates = new Map<string, { onetCode: string; confidence: number }[]>();
  for (const row of rows) {
    for (const onetCode of row.onetCodes.filter((c) => onetRoles.has(c))) {
      candidates.set(row.escoUri, [...(candidates.get(row.escoUri) ?? []), { onetCode, confidence: row.confidence }]);
    }
  }
  let count = 0;
  for (const [uri, list] of candidates) {
    const id = escoRoles.get(uri);
    const pay = borrowedPay(list, bls);
    if (id === undefined || pay === undefined || !('salary' in pay)) continue;
    builder.annotate(id, pay, provenance('bls', pay.salary.borrowedFrom!.slice(0, 7)));
    count += 1;
  }
  return count;
}

/**
 * EQUIVALENT_TO edges from the article's roles to their O*NET and ESCO counterparts, for the
 * roles and counterparts present (in this run or, through the lookups, in the graph).
 */
export function addRoleMapping(
  builder: GraphBuilder,
  mapping: RoleMapping,
  roles: RoleLookup,
  articleRole: (id: string) => boolean,
): number {
  let edges = 0;
  for (const entry of mapping) {
    if (!articleRole(entry.role)) continue;
    const targets = [
      ...entry.onet.map((m) => ({ id: roles.onetRole(m.code), sourceId: m.code, reason: m.reason })),
      ...entry.esco.map((m) => ({ id: roles.escoRole(m.uri), sourceId: m.uri, reason: m.reason })),
    ];
    for (const target of targets) {
      if (target.id === undefined) continue;
      edges += 1;
      builder.edge({
        type: 'EQUIVALENT_TO',
        from: entry.role,
        to: target.id,
        properties: { reason: target.reason },
        provenance: provenance('roleMapping', `${entry.role}|${target.sourceId}`),
      });
    }
  }
  return edges;
}
