// The components' one element builder: el("p", { className: "muted" }, "Text ", el("strong", null, name)).
// String children become text nodes, never markup, so names and values from a file or a model stay text.

type Props<K extends keyof HTMLElementTagNameMap> = Partial<Omit<HTMLElementTagNameMap[K], "style">> & {
  /** Inline CSS, as the style attribute would have it. */
  readonly style?: string;
};

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props<K> | null,
  ...children: (string | Node)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props) {
    const { style, ...rest } = props;
    Object.assign(node, rest);
    if (style !== undefined) node.style.cssText = style;
  }
  node.append(...children);
  return node;
}
