import type { SubjectTemplates } from '../subject-templates';
import { decision, document, outcome } from './document';
import { contest, policies, review } from './policies';
import { steps } from './steps';

/** English, the reference locale: every other locale translates these sentences. */
export const en: SubjectTemplates = { document, decision, outcome, steps, policies, review, contest };
