import { Alert, Button, CopyButton, Group, Menu, Modal, Stack, Text, useComputedColorScheme, useMantineTheme } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { CodeBlock } from '../../components/CodeBlock';
import { diagramText, type DiagramFormat } from './diagram-text';
import { saveFile } from '../../components/save-file';
import { svgToPng } from './download';
import { graphSvg, type SvgColours } from './graph-svg';
import type { Layout } from './layout';
import type { ShownGraph } from './lineage-graph';

const FORMATS: Record<DiagramFormat, { title: string; extension: string; type: string }> = {
  mermaid: { title: 'Mermaid flowchart', extension: 'mmd', type: 'text/vnd.mermaid' },
  dot: { title: 'Graphviz DOT', extension: 'dot', type: 'text/vnd.graphviz' },
};

/** The theme's colours for the PNG, light or dark as the page is shown. */
function useSvgColours(): SvgColours {
  const theme = useMantineTheme();
  const dark = useComputedColorScheme('light') === 'dark';
  return dark
    ? {
        background: theme.colors.dark[7],
        node: theme.colors.dark[6],
        border: theme.colors.dark[4],
        text: theme.colors.dark[0],
        dimmed: theme.colors.dark[2],
        edge: theme.colors.dark[2],
      }
    : {
        background: theme.white,
        node: theme.colors.gray[0],
        border: theme.colors.gray[4],
        text: theme.black,
        dimmed: theme.colors.gray[7],
        edge: theme.colors.gray[6],
      };
}

/** Export what is shown: Mermaid or DOT as text (copy or download), or a PNG of the drawing. */
export function ExportMenu({ graph, layout, fileStem }: { graph: ShownGraph; layout: Layout | null; fileStem: string }) {
  const [format, setFormat] = useState<DiagramFormat | null>(null);
  const [pngProblem, setPngProblem] = useState<string | null>(null);
  const colours = useSvgColours();
  const text = format ? diagramText(format, graph.nodes, graph.edges) : '';

  const savePng = async () => {
    if (!layout) return;
    setPngProblem(null);
    try {
      const png = await svgToPng(graphSvg(graph.nodes, graph.edges, layout, colours), layout.width, layout.height);
      saveFile(png, `${fileStem}.png`);
    } catch (error) {
      setPngProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" size="xs" leftSection={<IconDownload size={14} aria-hidden />}>
            Export
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setFormat('mermaid')}>Mermaid…</Menu.Item>
          <Menu.Item onClick={() => setFormat('dot')}>DOT…</Menu.Item>
          <Menu.Item onClick={() => void savePng()} disabled={!layout}>
            PNG image
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {pngProblem && (
        <Alert color="red" title="The PNG could not be made" withCloseButton onClose={() => setPngProblem(null)}>
          {pngProblem}
        </Alert>
      )}
      <Modal
        opened={format !== null}
        onClose={() => setFormat(null)}
        title={format ? FORMATS[format].title : ''}
        size="xl"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {format && (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              The {graph.nodes.length} nodes and {graph.edges.length} edges shown, left to right (upstream on the left).
            </Text>
            <CodeBlock label={FORMATS[format].title}>{text}</CodeBlock>
            <Group justify="flex-end" gap="xs">
              <CopyButton value={text}>
                {({ copied, copy }) => (
                  <Button variant="default" size="xs" onClick={copy}>
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
              <Button
                size="xs"
                onClick={() => saveFile(new Blob([text], { type: FORMATS[format].type }), `${fileStem}.${FORMATS[format].extension}`)}
              >
                Download .{FORMATS[format].extension}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
