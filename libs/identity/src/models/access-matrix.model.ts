import { Field, ObjectType } from '@nestjs/graphql';
import { Role } from '../access/vocabulary';

@ObjectType('AccessMatrixOperation', {
  description: 'One GraphQL operation or field resolver, the ability it needs, and the roles that have it',
})
export class AccessMatrixOperationModel {
  @Field({ description: 'The operation as "query models", "mutation registerModel" or "field Model.owner"' }) operation: string;
  @Field({ description: 'What it needs, e.g. "create or update Model", or "public"' }) needs: string;
  @Field(() => [Role], { description: 'The roles that, held alone, may reach it (the rows it acts on may still be refused)' })
  allowedRoles: Role[];
}

@ObjectType('AccessMatrix', { description: 'Role × operation, from the access policies the server loaded (policies/access/)' })
export class AccessMatrixModel {
  @Field(() => [Role], { description: 'Every role, in the order of the columns of docs/security.md' }) roles: Role[];
  @Field(() => [AccessMatrixOperationModel], { description: 'Every operation and field resolver, by name' })
  operations: AccessMatrixOperationModel[];
}
