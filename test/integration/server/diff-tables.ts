/** Tables the differential test works on, per schema (references, weak refs, indexes, maxRows, GC). */
export const DIFF_TABLES: Record<'nb' | 'sb' | 'vswitch', string[]> = {
  nb: ['Logical_Switch', 'Logical_Switch_Port', 'ACL', 'Address_Set', 'Port_Group', 'Load_Balancer', 'NB_Global', 'Logical_Router', 'Logical_Router_Port', 'Gateway_Chassis', 'Meter', 'Meter_Band', 'DNS', 'Logical_Router_Static_Route', 'QoS'],
  sb: ['Chassis', 'Encap', 'Datapath_Binding', 'Port_Binding', 'MAC_Binding', 'Chassis_Private', 'SB_Global', 'HA_Chassis_Group', 'HA_Chassis', 'Gateway_Chassis', 'Logical_DP_Group', 'Multicast_Group'],
  vswitch: ['Bridge', 'Port', 'Interface', 'Open_vSwitch', 'Mirror', 'QoS', 'Queue', 'Controller', 'Flow_Table', 'Manager', 'SSL', 'AutoAttach'],
};

