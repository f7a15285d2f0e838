/** The division tree (lazy: children are fetched on expand). Node titles are the plain division names. */
import { Empty, Tree } from 'antd';
import { useEffect, useRef } from 'react';
import type { DivisionNode, useDivisionTree } from './use-division-tree.js';

type TreeState = ReturnType<typeof useDivisionTree>;

export interface DivisionTreeProps {
  state: TreeState;
  selected: string | null;
  onSelect: (node: DivisionNode) => void;
  height: number;
}

export function DivisionTree({ state, selected, onSelect, height }: DivisionTreeProps) {
  const box = useRef<HTMLDivElement>(null);

  // Keep the selected node in view (after a search pick or a click in the children table).
  useEffect(() => {
    if (!selected) return;
    const t = setTimeout(() => {
      const el = box.current?.querySelector(`[data-code="${CSS.escape(selected)}"]`);
      el?.scrollIntoView({ block: 'nearest' });
    }, 50);
    return () => clearTimeout(t);
  }, [selected, state.expandedKeys]);

  if (state.treeData.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;

  return (
    <div ref={box} data-testid="division-tree" style={{ height, overflow: 'auto' }}>
      <Tree<DivisionNode>
        blockNode
        motion={false}
        showLine={{ showLeafIcon: false }}
        treeData={state.treeData}
        expandedKeys={state.expandedKeys}
        loadedKeys={state.loadedKeys}
        selectedKeys={selected ? [selected] : []}
        onExpand={(keys) => state.setExpandedKeys(keys.map(String))}
        loadData={(node) => state.loadChildren(String(node.key))}
        onSelect={(_, info) => onSelect(info.node)}
        titleRender={(node) => (
          <span className="division-node-title" data-code={node.key} title={node.division.code}>
            {node.title}
          </span>
        )}
      />
    </div>
  );
}
