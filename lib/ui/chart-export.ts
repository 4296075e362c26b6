/**
 * A chart as a file: its drawn SVG, wrapped with its title and a credit line so the file stands
 * alone, or that SVG drawn onto a canvas as PNG. Text goes in through `textContent` only.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';
const PADDING = 16;
const TITLE_HEIGHT = 40;
const CREDIT_HEIGHT = 28;

export interface SvgFile {
  text: string;
  width: number;
  height: number;
}

function textNode(content: string, x: number, y: number, size: number, weight: string, fill: string): SVGTextElement {
  const text = document.createElementNS(SVG_NS, 'text');
  text.setAttribute('x', String(x));
  text.setAttribute('y', String(y));
  text.setAttribute('font-size', String(size));
  text.setAttribute('font-weight', weight);
  text.setAttribute('fill', fill);
  text.textContent = content;
  return text;
}

/** The chart's SVG as a standalone file, with `title` above it and `credit` below. */
export function standaloneSvg(chart: SVGSVGElement, title: string, credit: string): SvgFile {
  const [, , innerWidth = 640, innerHeight = 200] = (chart.getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
  const width = innerWidth + 2 * PADDING;
  const height = innerHeight + TITLE_HEIGHT + CREDIT_HEIGHT;
  const file = document.createElementNS(SVG_NS, 'svg');
  file.setAttribute('xmlns', SVG_NS);
  file.setAttribute('width', String(width));
  file.setAttribute('height', String(height));
  file.setAttribute('viewBox', `0 0 ${width} ${height}`);
  file.setAttribute('font-family', chart.getAttribute('font-family') ?? 'Arial, sans-serif');
  const titleElement = document.createElementNS(SVG_NS, 'title');
  titleElement.textContent = title;
  file.append(titleElement);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  file.append(background);
  file.append(textNode(title, PADDING, 28, 18, '700', '#212b32'));
  const body = document.createElementNS(SVG_NS, 'g');
  body.setAttribute('transform', `translate(${PADDING} ${TITLE_HEIGHT})`);
  for (const child of chart.cloneNode(true).childNodes) if (child.nodeType === Node.ELEMENT_NODE) body.append(child);
  file.append(body);
  file.append(textNode(credit, PADDING, height - 10, 12, '400', '#4c6272'));
  return { text: new XMLSerializer().serializeToString(file), width, height };
}

/** The SVG file drawn at `scale` times its size onto a white canvas, as PNG. */
export async function svgToPng(svg: SvgFile, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = svg.width * scale;
    canvas.height = svg.height * scale;
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('this browser cannot draw the chart');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the chart could not be drawn as PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
