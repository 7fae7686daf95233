/** The interview plan: dates, the plan and pace, caps, ordering, forecast, simulation and breaks. */
export * from './dates';
export * from './plan';
export * from './caps';
export * from './order';
export * from './forecast';
export * from './simulate';
export * from './breaks';
export * from './storage';
export * from './checklist';
