import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Matches } from 'class-validator';
import { RegistryEntryInput } from './registry-entry.input';

/** Lower-case letters, digits and dashes, 2–63 characters, starting with a letter or digit. */
export const AUTOMATION_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;
const KEY_MESSAGE = 'key must be 2-63 lower-case letters, digits or dashes, starting with a letter or digit';

@InputType({ description: 'A new automation: a service that makes automated decisions' })
export class RegisterAutomationInput extends RegistryEntryInput {
  @Field({ description: 'The stable key callers use, e.g. claims-triage; unique in the tenant' })
  @Matches(AUTOMATION_KEY_PATTERN, { message: KEY_MESSAGE })
  key: string;
}

/** `automationByKey(key)`: the same pattern, so that a malformed key is VALIDATION_FAILED rather than NOT_FOUND. */
@ArgsType()
export class AutomationKeyArgs {
  @Field({ description: "The automation's stable key, e.g. claims-triage" })
  @Matches(AUTOMATION_KEY_PATTERN, { message: KEY_MESSAGE })
  key: string;
}
