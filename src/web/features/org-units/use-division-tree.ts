/** State of the lazily loaded division tree: nodes, expanded and loaded keys, and revealing a path. */
import { useCallback, useRef, useState } from 'react';
import { divisionApi, type DivisionDto } from './org-units-api.js';

export interface DivisionNode {
  key: string;
  title: string;
  isLeaf: boolean;
  division: DivisionDto;
  children?: DivisionNode[];
}

export function toNode(d: DivisionDto): DivisionNode {
  return { key: d.code, title: d.name, isLeaf: d.level >= 5 || d.childCount === 0, division: d };
}

function withChildren(nodes: DivisionNode[], key: string, children: DivisionNode[]): DivisionNode[] {
  return nodes.map((n) => {
    if (n.key === key) return { ...n, children, isLeaf: children.length === 0 };
    if (n.children) return { ...n, children: withChildren(n.children, key, children) };
    return n;
  });
}

export function useDivisionTree() {
  const [treeData, setTreeData] = useState<DivisionNode[]>([]);
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  const [loadedKeys, setLoadedKeys] = useState<string[]>([]);
  const loaded = useRef(new Set<string>());
  const pending = useRef(new Map<string, Promise<void>>());

  const reset = useCallback((root: DivisionDto) => {
    loaded.current = new Set();
    pending.current = new Map();
    setTreeData([toNode(root)]);
    setExpandedKeys([]);
    setLoadedKeys([]);
  }, []);

  /** Loads a node's children once (concurrent calls share the request). */
  const loadChildren = useCallback((code: string): Promise<void> => {
    if (loaded.current.has(code)) return Promise.resolve();
    const running = pending.current.get(code);
    if (running) return running;
    const p = divisionApi
      .children(code)
      .then(({ items }) => {
        loaded.current.add(code);
        setTreeData((nodes) => withChildren(nodes, code, items.map(toNode)));
        setLoadedKeys([...loaded.current]);
      })
      .finally(() => pending.current.delete(code));
    pending.current.set(code, p);
    return p;
  }, []);

  /** Loads and expands every ancestor (top first) so that the target node becomes visible. */
  const reveal = useCallback(
    async (ancestors: string[]) => {
      for (const code of ancestors) await loadChildren(code);
      setExpandedKeys((keys) => [...new Set([...keys, ...ancestors])]);
    },
    [loadChildren],
  );

  return { treeData, expandedKeys, setExpandedKeys, loadedKeys, reset, loadChildren, reveal };
}
