/**
 * The layout engine for composed outputs (slide and paper PNG, print, atlas, decision documents):
 * pure — measured with a caller-given `Measure`, drawn by the SVG renderer (here) or the canvas
 * renderer (src/map/drawScene.ts).
 */
export * from './scene';
export * from './typography';
export * from './wrap';
export * from './block';
export * from './textBlock';
export * from './legendBlock';
export * from './fairnessBlock';
export * from './page';
export * from './mapFrame';
export * from './svg';
export * from './sheet';
export * from './legendBox';
