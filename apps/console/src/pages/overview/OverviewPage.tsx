import { SegmentedControl, SimpleGrid } from '@mantine/core';
import { useState } from 'react';
import { useCan } from '../../auth/principal';
import { PageHeader } from '../../components/PageHeader';
import { DecisionsPerDayPanel } from './DecisionsPerDayPanel';
import { DriftAlertsPanel } from './DriftAlertsPanel';
import { InventoryPanel } from './InventoryPanel';
import { LedgerPanel } from './LedgerPanel';
import { PolicyPackPanel } from './PolicyPackPanel';
import { ReviewsPanel } from './ReviewsPanel';
import { useOverview } from './use-overview';

const RANGES = ['7', '14', '30'];

/** The tenant at a glance, for a compliance officer or an auditor (issue 15, page 1). */
export function OverviewPage() {
  const can = useCan();
  const [days, setDays] = useState('14');
  const overview = useOverview({ days: Number(days), canReview: can('review', 'Decision'), live: can('read', 'Decision') });
  return (
    <>
      <PageHeader
        title="Overview"
        description="The tenant's drift alerts, inventory, decisions, reviews, policies and ledger at a glance."
        actions={
          <SegmentedControl
            size="xs"
            value={days}
            onChange={setDays}
            data={RANGES.map((value) => ({ value, label: `${value} days` }))}
            aria-label="Decisions per day: range"
          />
        }
      />
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md">
        {can('read', 'Monitor') && <DriftAlertsPanel />}
        <DecisionsPerDayPanel panel={overview.decisionsPerDay} days={Number(days)} />
        {overview.reviews && <ReviewsPanel panel={overview.reviews} />}
        <InventoryPanel panel={overview.inventory} />
        <PolicyPackPanel panel={overview.policyPack} />
        <LedgerPanel panel={overview.ledger} />
      </SimpleGrid>
    </>
  );
}
