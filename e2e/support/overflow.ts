import type { Page } from 'playwright-core';

/**
 * What sticks out of its card, or is cut off, on the page as it is now: the page itself scrolling
 * sideways, an element reaching past the card it sits in (unless it is inside a box that scrolls
 * sideways on purpose, such as a wide table's), and text cut short by its box ("IF IT APPL").
 * Returns one line per problem, naming the outermost element at fault by its tag and text.
 */
export async function overflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const named = new Set<Element>();
    const name = (element: Element) =>
      `<${element.tagName.toLowerCase()}> “${((element as HTMLElement).textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}”`;
    const report = (element: Element, what: string) => {
      // Only the outermost element at fault is named: what it holds sticks out with it.
      for (let a = element.parentElement; a; a = a.parentElement) if (named.has(a)) return;
      named.add(element);
      problems.push(`${name(element)} ${what}`);
    };
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1)
      problems.push(`the page scrolls sideways: ${root.scrollWidth}px in a ${root.clientWidth}px window`);
    const scrollsSideways = (element: Element) => /auto|scroll/.test(getComputedStyle(element).overflowX);
    const hiddenFromSight = (element: Element) => {
      const style = getComputedStyle(element);
      return (
        style.position === 'absolute' &&
        (style.clip !== 'auto' || style.clipPath !== 'none' || style.opacity === '0')
      );
    };
    const containers = document.querySelectorAll('main, main .mantine-Card-root, main .mantine-Paper-root');
    for (const container of Array.from(containers)) {
      const edge = container.getBoundingClientRect();
      for (const element of Array.from(container.querySelectorAll('*'))) {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || hiddenFromSight(element)) continue;
        let scroller = false;
        for (let a = element.parentElement; a && a !== container; a = a.parentElement)
          if (scrollsSideways(a)) scroller = true;
        if (scroller) continue;
        if (box.right > edge.right + 1 || box.left < edge.left - 1)
          report(element, `reaches past its ${container.tagName === 'MAIN' ? 'page' : 'card'}`);
        const style = getComputedStyle(element);
        const clips =
          style.overflowX === 'hidden' || style.overflowX === 'clip' || style.textOverflow === 'ellipsis';
        const isField = /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName);
        const text = ((element as HTMLElement).textContent ?? '').trim();
        if (clips && !isField && text && element.scrollWidth > element.clientWidth + 1) {
          // Name what runs past its right edge, the innermost such element, to say where to look.
          const right = element.getBoundingClientRect().right;
          const culprit = Array.from(element.querySelectorAll('*'))
            .filter((e) => e.getBoundingClientRect().right > right + 1 && !hiddenFromSight(e))
            .filter((e) => {
              for (let a = e.parentElement; a && a !== element; a = a.parentElement)
                if (scrollsSideways(a)) return false;
              return true;
            })
            .at(-1);
          report(element, culprit ? `is cut off by ${name(culprit)}` : 'is cut off');
        }
      }
    }
    return [...new Set(problems)];
  });
}
