import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Can, CurrentPrincipal, type AuthenticatedPrincipal } from '@attest/identity';
import { GeneratedFile, generatedFile } from '../files/generated-file.model';
import { renderHtml, renderPdf } from '../rendering';
import { explanationDocument } from './explanation-document';
import { SubjectExplanationArgs } from './subject-explanation.args';
import { SubjectExplanationModel } from './subject-explanation.model';
import { SubjectExplanationService } from './subject-explanation.service';
import { templatesFor } from './templates/locales';

@Resolver(() => SubjectExplanationModel)
export class SubjectExplanationResolver {
  constructor(private readonly explanations: SubjectExplanationService) {}

  @Query(() => SubjectExplanationModel, {
    description:
      'Every automated decision about one person that you may explain, in plain language (GDPR Art. 15 and 22, AI Act Art. 86), as JSON and as HTML and PDF documents: ' +
      'redacted for your role, never another person; each call audited (subject.explained, the subject by keyed hash)',
  })
  @Can('explain', 'Decision')
  subjectExplanation(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: SubjectExplanationArgs) {
    return this.explanations.explain(actor, args);
  }

  @ResolveField(() => GeneratedFile, { description: 'The explanation as one self-contained HTML page' })
  @Can('explain', 'Decision')
  html(@Parent() explanation: SubjectExplanationModel): GeneratedFile {
    const html = renderHtml(explanationDocument(explanation, templatesFor(explanation.locale)));
    return generatedFile(fileNameOf(explanation, 'html'), 'text/html; charset=utf-8', Buffer.from(html, 'utf8'));
  }

  @ResolveField(() => GeneratedFile, { description: 'The explanation as a PDF document' })
  @Can('explain', 'Decision')
  async pdf(@Parent() explanation: SubjectExplanationModel): Promise<GeneratedFile> {
    const pdf = await renderPdf(explanationDocument(explanation, templatesFor(explanation.locale)));
    return generatedFile(fileNameOf(explanation, 'pdf'), 'application/pdf', pdf);
  }
}

/** Never the subject's reference: a file name travels further than the file's content. */
function fileNameOf(explanation: SubjectExplanationModel, extension: string): string {
  return `explanation-${explanation.generatedAt.toISOString().slice(0, 10)}-${explanation.locale}.${extension}`;
}
