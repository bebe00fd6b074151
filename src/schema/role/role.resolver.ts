import { Args, FieldResolver, Resolver, Root } from 'type-graphql';
import { RelationArgs } from '../shared/relation.args';
import { Role } from './role.type';

@Resolver(() => Role)
export class RoleTitlesResolver {
  @FieldResolver(() => [String], {
    description:
      'Other titles the occupation goes by (O*NET lists up to thousands), searchable by `search`; a page of `first`.',
  })
  alternateTitles(@Root() role: Role, @Args() { first }: RelationArgs): string[] {
    return role.alternateTitles.slice(0, first);
  }
}
