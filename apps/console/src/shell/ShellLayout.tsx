import {
  ActionIcon,
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  Kbd,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconLogout, IconMoon, IconShieldCheck, IconSun } from '@tabler/icons-react';
import { Link, Outlet, useNavigate, useRouter, useRouterState } from '@tanstack/react-router';
import { useState } from 'react';
import { useCan, usePrincipal } from '../auth/principal';
import { signOut } from '../auth/session-api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import type { ApiProblem } from '../api/errors';

/** Header (who is signed in, theme, sign out), the navigation built from the routes' `nav` entries, the page. */
export function ShellLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  const [signOutProblem, setSignOutProblem] = useState<ApiProblem | null>(null);
  const principal = usePrincipal();
  const router = useRouter();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const can = useCan();
  const nav = Object.values(router.routesById)
    .flatMap((route) => (route.options.staticData?.nav ? [{ path: route.fullPath, ...route.options.staticData.nav }] : []))
    .filter((item) => !item.requires || can(...item.requires))
    .sort((a, b) => a.order - b.order);
  const navigate = useNavigate();
  // Alt+1…9 opens the navigation's pages in order, from anywhere in the console.
  useHotkeys(nav.slice(0, 9).map((item, i) => [`alt+${i + 1}`, () => void navigate({ to: item.path })]));

  const onSignOut = async () => {
    const problem = await signOut();
    if (problem) setSignOutProblem(problem);
    // A full load: nothing of the session (cached queries included) outlives it.
    else window.location.assign('/sign-in');
  };

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <IconShieldCheck aria-hidden />
            <Text fw={600}>Attest</Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Stack gap={0} align="flex-end" data-testid="principal">
              <Text size="sm" fw={500} lh={1.2}>
                {principal.name}
              </Text>
              <Group gap={4}>
                {principal.roles.map((binding) => (
                  <Badge key={`${binding.role}-${binding.automationId ?? ''}`} size="xs" variant="light">
                    {binding.role.replace(/_/g, ' ').toLowerCase()}
                  </Badge>
                ))}
              </Group>
            </Stack>
            <ColorSchemeToggle />
            <Button variant="default" size="xs" leftSection={<IconLogout size={14} aria-hidden />} onClick={() => void onSignOut()}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Console pages">
        <ScrollArea>
          {nav.map((item, i) => (
            <NavLink
              key={item.path}
              component={Link}
              to={item.path}
              label={item.label}
              leftSection={<item.icon size={16} stroke={1.6} aria-hidden />}
              rightSection={
                i < 9 && (
                  <Kbd size="xs" aria-label={`Alt ${i + 1}`} title={`Alt+${i + 1}`}>
                    {i + 1}
                  </Kbd>
                )
              }
              aria-keyshortcuts={i < 9 ? `Alt+${i + 1}` : undefined}
              active={item.path === '/' ? pathname === '/' : pathname.startsWith(item.path)}
              onClick={close}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        {signOutProblem && <ApiErrorAlert error={signOutProblem} title="Sign-out failed" />}
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  // "auto" follows the system until the user picks one; the toggle flips what is shown now.
  const dark = useComputedColorScheme('light') === 'dark';
  const label = dark ? 'Use the light theme' : 'Use the dark theme';
  return (
    <Tooltip label={label}>
      <ActionIcon variant="default" size="md" aria-label={label} onClick={() => setColorScheme(dark ? 'light' : 'dark')}>
        {dark ? <IconSun size={16} aria-hidden /> : <IconMoon size={16} aria-hidden />}
      </ActionIcon>
    </Tooltip>
  );
}
