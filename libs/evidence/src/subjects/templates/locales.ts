import { AttestError } from '@attest/core';
import { en } from './en';
import type { SubjectTemplates } from './subject-templates';

/** The locales an explanation can be written in: one folder each beside this file. */
export const SUBJECT_LOCALES: Record<string, SubjectTemplates> = { en };

export const DEFAULT_LOCALE = 'en';

/** The templates of a locale, or VALIDATION_FAILED naming the ones there are. */
export function templatesFor(locale: string): SubjectTemplates {
  const templates = Object.hasOwn(SUBJECT_LOCALES, locale) ? SUBJECT_LOCALES[locale] : undefined;
  if (!templates)
    throw AttestError.validation(
      `locale: no explanation templates for "${locale}"; available: ${Object.keys(SUBJECT_LOCALES).join(', ')}`,
      {
        field: 'locale',
      },
    );
  return templates;
}
