import { builder } from './builder';
import { version } from '../../package.json';

const ServiceInfo = builder.objectRef<{ name: string; version: string; time: Date }>('ServiceInfo').implement({
  authScopes: { public: true },
  description: 'About this Incasso Hub deployment.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Always "Incasso Hub".' }),
    version: t.exposeString('version', { description: 'The deployed release (semantic version).' }),
    time: t.expose('time', { type: 'DateTime', description: 'The server clock, for checking clock skew and legal terms.' }),
  }),
});

builder.queryType({ description: 'Reading: cases, their statements and timelines, and the caller itself.' });

builder.queryField('service', (t) =>
  t.field({
    type: ServiceInfo,
    description: 'Name, version and clock of the service. Needs no key; useful as a smoke test.',
    authScopes: { public: true },
    resolve: (_root, _args, ctx) => ({ name: 'Incasso Hub', version, time: ctx.clock.now() }),
  }),
);
