import { Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { DbInfo } from './db-info.type';

@Resolver()
export class DbInfoResolver {
  @Query(() => DbInfo, { description: 'Which Neo4j answers: read from dbms.components().' })
  dbInfo(@Ctx() ctx: RequestContext): Promise<DbInfo> {
    return ctx.services.catalog.dbInfo();
  }
}
