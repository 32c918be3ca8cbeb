import { PageHeader } from '../../components/PageHeader';

export function OverviewPage() {
  return <PageHeader title="Overview" description="The tenant at a glance." />;
}
