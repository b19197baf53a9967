/** The `_Server` database schema (ovsdb/_server.ovsschema of Open vSwitch 3.1, as ovsdb-server's get_schema returns it). */
const serverSchema: object = {
  cksum: '3009684573 744',
  name: '_Server',
  tables: {
    Database: {
      columns: {
        cid: {
          type: {
            key: 'uuid',
            min: 0,
          },
        },
        connected: {
          type: 'boolean',
        },
        index: {
          type: {
            key: 'integer',
            min: 0,
          },
        },
        leader: {
          type: 'boolean',
        },
        model: {
          type: {
            key: {
              enum: ['set', ['clustered', 'relay', 'standalone']],
              type: 'string',
            },
          },
        },
        name: {
          type: 'string',
        },
        schema: {
          type: {
            key: 'string',
            min: 0,
          },
        },
        sid: {
          type: {
            key: 'uuid',
            min: 0,
          },
        },
      },
    },
  },
  version: '1.2.0',
};
export default serverSchema;
