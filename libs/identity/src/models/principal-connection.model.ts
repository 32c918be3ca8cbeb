import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@attest/core';
import { PrincipalModel } from './principal.model';

@ObjectType('PrincipalConnection', { description: 'A page of principals' })
export class PrincipalConnection extends ConnectionType(PrincipalModel) {}
