import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@attest/core';
import { PrincipalModel } from './principal.model';

@ObjectType('PrincipalConnection')
export class PrincipalConnection extends ConnectionType(PrincipalModel) {}
