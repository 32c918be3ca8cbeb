import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsString, IsUUID, MaxLength } from 'class-validator';
import { WebhookEvent } from '../webhook-events';

@InputType({ description: "Where to post an automation's decision and monitor events, and which ones" })
export class CreateWebhookSubscriptionInput {
  @Field(() => ID, { description: 'The automation whose decisions are announced (its owner or an admin)' }) @IsUUID() automationId: string;

  /** Read by WebhookTargetPolicy with WHATWG URL, the parser the delivery uses: a second parser here could read a host otherwise. */
  @Field({
    description:
      'http(s) URL of a public host that receives POSTs (docs/security.md, webhook targets); it must answer 2xx within the timeout',
  })
  @IsString()
  @MaxLength(2048)
  url: string;

  @Field(() => [WebhookEvent], { description: 'The events to deliver, 1 to 6, each once' })
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @ArrayUnique()
  @IsEnum(WebhookEvent, { each: true })
  events: WebhookEvent[];
}
