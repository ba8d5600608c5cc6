<#-- The Upgrade Summary, in the form mkectl prints it. Rendered by the upgrade playbook's last phase. -->
<#assign line = "---------------">
Upgrade Summary
${line}

Configuration file
${line}
${mke4.summary}

Authentication
${line}
Users found in the MKE3 cluster: ${identity.users_found}
<#assign reset = identity.passwords_reset![]>
<#if (identity.not_migrated![])?size == 0 && reset?size == 0>
All users were upgraded to the MKE 4k cluster successfully.
<#elseif (identity.not_migrated![])?size == 0>
All users were upgraded to the MKE 4k cluster.
<#else>
${identity.users_migrated} of ${identity.users_found} users were upgraded to the MKE 4k cluster. Not upgraded:
<#list identity.not_migrated as s>
  ${s}
</#list>
</#if>
<#if reset?size gt 0>
Their MKE 3 passwords were not carried over: the admin keeps the password given to the upgrade, and these
${reset?size} users have a new initial password<#if identity.passwords_file??> in ${identity.passwords_file}</#if>, to hand to each:
<#list reset as u>
  ${u}
</#list>
</#if>

Authorization
${line}
Organizations found in the MKE3 cluster: ${rbac.orgs_found}
Teams found in the MKE3 cluster: ${rbac.teams_found}
<#if (rbac.not_carried![])?size == 0>
All organizations and teams were translated to aggregated roles in the MKE 4k cluster successfully.
<#else>
Organizations and teams were translated to aggregated roles in the MKE 4k cluster. Grants not carried over:
<#list rbac.not_carried as g>
  ${g}
</#list>
</#if>

Ports
${line}
The following MKE 3 ports are no longer used by MKE 4k and (unless otherwise needed) may be made unavailable on all nodes: [2377,6444,7946,9055,12376,12378,12379,12380,12381,12382,12383,12384,12385,12386,12387,12388,12389,12391,12392,179,12390,2376,443]

MCR
${line}
MCR may safely be uninstalled

MKE3 Cleanup
${line}
MKE ${hostvars[leader_host].mke3_version} was uninstalled from the cluster successfully.
<#if (mke4.metallb_pools![])?size gt 0>

MetalLB IP address pools
${line}
<#list mke4.metallb_pools as p>
name: ${p.name}
ipaddress: [${p.addresses?join(" ")}]
</#list>
Please make sure that you create these pools after MKE4 installation is complete.
</#if>
