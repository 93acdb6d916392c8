/**
 * Whether the hover card is showing. Our UI lives in a closed shadow root under
 * `<div data-sourcelight-root>`, which page scripts cannot see into; the DevTools protocol can
 * (`DOM.describeNode` with `pierce`). The card counts as shown when the host's shadow tree
 * has more rendered boxes (DOM.getBoxModel, width and height > 0) than before the hover.
 */
import type { CDPSession } from 'playwright-core';

interface DomNode {
  nodeType: number;
  backendNodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

const HOST = 'div[data-sourcelight-root]';

async function describeHost(cdp: CDPSession): Promise<DomNode | null> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: 1 })) as {
    root: { nodeId: number };
  };
  const { nodeId } = (await cdp.send('DOM.querySelector', {
    nodeId: root.nodeId,
    selector: HOST,
  })) as { nodeId: number };
  if (!nodeId) return null;
  const { node } = (await cdp.send('DOM.describeNode', { nodeId, depth: -1, pierce: true })) as {
    node: DomNode;
  };
  return node;
}

function signatureOf(node: DomNode | null): string {
  if (!node) return 'absent';
  const parts: string[] = [];
  const visit = (n: DomNode) => {
    parts.push(`${n.nodeName}[${(n.attributes ?? []).join(',')}]`);
    for (const c of n.shadowRoots ?? []) visit(c);
    for (const c of n.children ?? []) visit(c);
  };
  visit(node);
  return parts.join('|');
}

function elements(node: DomNode | null): number[] {
  const out: number[] = [];
  const visit = (n: DomNode) => {
    if (n.nodeType === 1) out.push(n.backendNodeId);
    for (const c of n.shadowRoots ?? []) visit(c);
    for (const c of n.children ?? []) visit(c);
  };
  if (node) visit(node);
  return out;
}

async function renderedBoxes(cdp: CDPSession, node: DomNode | null): Promise<number> {
  let n = 0;
  for (const backendNodeId of elements(node)) {
    try {
      const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId })) as {
        model: { width: number; height: number };
      };
      if (model.width > 0 && model.height > 0) n += 1;
    } catch {
      // Not rendered (display: none, or detached since): no box.
    }
  }
  return n;
}

export interface CardWatch {
  /** Polls until the card shows; ms since `since`, or null after `timeoutMs`. */
  waitShown(since: number, timeoutMs: number): Promise<number | null>;
  hostFound: boolean;
}

/** Takes the "before" picture; call before moving the pointer. */
export async function watchCard(cdp: CDPSession): Promise<CardWatch> {
  await cdp.send('DOM.enable');
  const before = await describeHost(cdp);
  const beforeSig = signatureOf(before);
  const beforeBoxes = await renderedBoxes(cdp, before);
  return {
    hostFound: before !== null,
    async waitShown(since, timeoutMs) {
      let lastSig = beforeSig;
      while (performance.now() - since < timeoutMs) {
        const node = await describeHost(cdp);
        const sig = signatureOf(node);
        const at = performance.now();
        if (sig !== lastSig) {
          lastSig = sig;
          if ((await renderedBoxes(cdp, node)) > beforeBoxes) return at - since;
        }
      }
      return null;
    },
  };
}
