import 'mantine-datatable/styles.css';
import { Tabs } from '@mantine/core';
import { IconKey, IconLogin, IconTable, IconUsers } from '@tabler/icons-react';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useCan } from '../../auth/principal';
import { PageHeader } from '../../components/PageHeader';

const TABS = [
  { value: 'principals', label: 'Principals', icon: IconUsers, subject: 'Principal' },
  { value: 'api-keys', label: 'API keys', icon: IconKey, subject: 'ApiKey' },
  { value: 'sign-in', label: 'Sign-in', icon: IconLogin, subject: 'RoleBinding' },
  { value: 'access', label: 'Access matrix', icon: IconTable, subject: 'RoleBinding' },
] as const;

type Tab = (typeof TABS)[number]['value'];

/** Administration's header and tabs (each a route); a tab the role may not read is not offered (the API refuses it anyway). */
export function AdminLayout() {
  const navigate = useNavigate();
  const can = useCan();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const active: Tab = TABS.find((t) => pathname.startsWith(`/admin/${t.value}`))?.value ?? 'principals';
  const tabs = TABS.filter((t) => t.value === active || can('read', t.subject));
  return (
    <>
      <PageHeader
        title="Administration"
        description="Who may sign in and with which roles, the API keys services use, and what each role may do. Every change is audited."
      />
      <Tabs value={active} onChange={(value) => value && void navigate({ to: `/admin/${value as Tab}` })}>
        <Tabs.List mb="md">
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value} leftSection={<tab.icon size={16} aria-hidden />}>
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Panel key={tab.value} value={tab.value}>
            {tab.value === active && <Outlet />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
