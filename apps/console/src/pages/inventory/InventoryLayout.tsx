import 'mantine-datatable/styles.css';
import { Tabs } from '@mantine/core';
import { IconBox, IconDatabase, IconRobot } from '@tabler/icons-react';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { PageHeader } from '../../components/PageHeader';

const TABS = [
  { value: 'models', label: 'Models', icon: IconBox },
  { value: 'datasets', label: 'Datasets', icon: IconDatabase },
  { value: 'automations', label: 'Automations', icon: IconRobot },
] as const;

type Tab = (typeof TABS)[number]['value'];

/** The inventory's header and its three registries as tabs; each tab is a route (/inventory/models, …), so it is a link. */
export function InventoryLayout() {
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const active: Tab = TABS.find((t) => pathname.startsWith(`/inventory/${t.value}`))?.value ?? 'models';
  return (
    <>
      <PageHeader
        title="Inventory"
        description="Models, datasets and automations: what each is, who owns it, and where it stands in its lifecycle."
      />
      <Tabs value={active} onChange={(value) => value && void navigate({ to: `/inventory/${value as Tab}` })}>
        <Tabs.List mb="md">
          {TABS.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value} leftSection={<tab.icon size={16} aria-hidden />}>
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((tab) => (
          <Tabs.Panel key={tab.value} value={tab.value}>
            {tab.value === active && <Outlet />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
