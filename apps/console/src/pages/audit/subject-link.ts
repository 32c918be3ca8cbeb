/**
 * The console page of an audit event's subject, where there is one: the inventory's detail pages
 * (a version by its id goes through /inventory/<kind>/versions/<id>) and a decision's page.
 */
export function subjectHref(subjectType: string, subjectId: string): string | null {
  const id = encodeURIComponent(subjectId);
  switch (subjectType) {
    case 'Model':
      return `/inventory/models/${id}`;
    case 'Dataset':
      return `/inventory/datasets/${id}`;
    case 'Automation':
      return `/inventory/automations/${id}`;
    case 'ModelVersion':
      return `/inventory/models/versions/${id}`;
    case 'DatasetVersion':
      return `/inventory/datasets/versions/${id}`;
    case 'AutomationVersion':
      return `/inventory/automations/versions/${id}`;
    case 'Decision':
      return `/decisions/${id}`;
    default:
      return null;
  }
}
