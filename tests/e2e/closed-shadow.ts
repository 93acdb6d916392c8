/**
 * Reads our closed shadow root from outside, as a test must: page scripts cannot reach
 * into it (that is the point), so the Chrome DevTools Protocol's pierced DOM is used.
 */
import type { CDPSession, Page } from 'playwright-core';
import { HOST_ATTR } from '../../lib/page/skip-rules';

export interface DomNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

export class ShadowReader {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async open(page: Page): Promise<ShadowReader> {
    return new ShadowReader(page, await page.context().newCDPSession(page));
  }

  /** Our host's shadow root, or null when the host is not in the page. */
  async root(): Promise<DomNode | null> {
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: DomNode;
    };
    const host = find(root, isHost);
    return host?.shadowRoots?.[0] ?? null;
  }

  async all(selectorClass: string): Promise<DomNode[]> {
    const root = await this.root();
    return root ? findAll(root, (n) => hasClass(n, selectorClass)) : [];
  }

  async byTag(tag: string): Promise<DomNode[]> {
    const root = await this.root();
    return root ? findAll(root, (n) => n.nodeName === tag.toUpperCase()) : [];
  }

  /** The node's border box in viewport coordinates (what mouse events use). */
  async box(node: DomNode): Promise<{ x: number; y: number; width: number; height: number }> {
    const { quads } = (await this.cdp.send('DOM.getContentQuads', {
      backendNodeId: node.backendNodeId,
    })) as { quads: number[][] };
    const q = quads[0] ?? [];
    const xs = [q[0], q[2], q[4], q[6]].map((v) => v ?? 0);
    const ys = [q[1], q[3], q[5], q[7]].map((v) => v ?? 0);
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
  }

  /**
   * Evaluates `fn(arg)` in a fresh isolated world: a hostile page that breaks its own
   * built-ins breaks Playwright's page.evaluate too. `mainWorld` reads the page's own globals.
   */
  async evaluate<A, R>(fn: (arg: A) => R, arg: A, mainWorld = false): Promise<R> {
    let contextId: number | undefined;
    if (!mainWorld) {
      const { frameTree } = (await this.cdp.send('Page.getFrameTree')) as {
        frameTree: { frame: { id: string } };
      };
      ({ executionContextId: contextId } = (await this.cdp.send('Page.createIsolatedWorld', {
        frameId: frameTree.frame.id,
        worldName: 'sourcelight-test',
      })) as { executionContextId: number });
    }
    const { result, exceptionDetails } = (await this.cdp.send('Runtime.evaluate', {
      expression: `(${fn.toString()})(${JSON.stringify(arg)})`,
      returnByValue: true,
      ...(contextId !== undefined && { contextId }),
    })) as { result: { value: R }; exceptionDetails?: { text: string } };
    if (exceptionDetails) throw new Error(`evaluate failed: ${exceptionDetails.text}`);
    return result.value;
  }

  async click(node: DomNode): Promise<void> {
    const b = await this.box(node);
    await this.page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
  }
}

/** The words shown: text nodes, and the text our UI draws from `data-sl-text`. */
export function textOf(node: DomNode): string {
  if (node.nodeType === 3) return node.nodeValue;
  if (node.nodeName === 'STYLE') return '';
  const attrs = node.attributes ?? [];
  const i = attrs.indexOf('data-sl-text');
  const drawn = i >= 0 && i % 2 === 0 ? (attrs[i + 1] ?? '') : '';
  return drawn + (node.children ?? []).map(textOf).join('');
}

function hasClass(n: DomNode, cls: string): boolean {
  const attrs = n.attributes ?? [];
  for (let i = 0; i < attrs.length; i += 2) {
    if (attrs[i] === 'class' && (attrs[i + 1] ?? '').split(/\s+/).includes(cls)) return true;
  }
  return false;
}

/** Our host (lib/page/skip-rules.ts): a plain <div data-sourcelight-root>. */
export function isHost(n: DomNode): boolean {
  return (
    n.nodeName === 'DIV' && (n.attributes ?? []).some((a, i) => i % 2 === 0 && a === HOST_ATTR)
  );
}

function kids(n: DomNode): DomNode[] {
  return [...(n.shadowRoots ?? []), ...(n.children ?? [])];
}

function find(n: DomNode, pred: (n: DomNode) => boolean): DomNode | null {
  if (pred(n)) return n;
  for (const k of kids(n)) {
    const hit = find(k, pred);
    if (hit) return hit;
  }
  return null;
}

function findAll(n: DomNode, pred: (n: DomNode) => boolean, out: DomNode[] = []): DomNode[] {
  if (pred(n)) out.push(n);
  for (const k of kids(n)) findAll(k, pred, out);
  return out;
}
