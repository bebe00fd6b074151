import { Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { DataSource } from './data-source.type';
import { DbInfo } from './db-info.type';

@Resolver()
export class DbInfoResolver {
  @Query(() => DbInfo, { description: 'Which Neo4j answers: read from dbms.components().' })
  dbInfo(@Ctx() ctx: RequestContext): Promise<DbInfo> {
    return ctx.services.catalog.dbInfo();
  }

  @Query(() => [DataSource], {
    description:
      'The published data sets loaded (O*NET, ESCO...), with their state and counts; empty before any import.',
  })
  dataSources(@Ctx() ctx: RequestContext): Promise<DataSource[]> {
    return ctx.services.catalog.dataSources() as Promise<DataSource[]>;
  }
}
