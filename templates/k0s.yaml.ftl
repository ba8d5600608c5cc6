<#-- k0s configuration for an MKE 4k controller, rendered per manager by the upgrade playbook. -->
apiVersion: k0s.k0sproject.io/v1beta1
kind: ClusterConfig
metadata:
  name: mke
spec:
  api:
    address: ${ansible_host!inventory_hostname}
<#if external_address?has_content>
    externalAddress: ${external_address}
</#if>
    sans:
<#list nodes_addresses![ansible_host!inventory_hostname] as a>
      - ${a}
</#list>
<#assign mke3_service_accounts = (hostvars[leader].mke3_service_accounts.stdout_lines)![]>
<#if mke3_service_accounts?has_content>
    # the service-account tokens MKE 3 issued stay valid: they name its issuer and one of its audiences
    extraArgs:
      service-account-issuer: "${mke3_service_accounts[0]}"
      api-audiences: "${(mke3_service_accounts[1..] + ["https://kubernetes.default.svc"])?join(",")}"
</#if>
  network:
    provider: calico
    podCIDR: ${(hostvars[leader].mke3.config.cluster_config.pod_cidr)!"192.168.0.0/16"}
    serviceCIDR: ${(hostvars[leader].mke3.config.cluster_config.service_cluster_ip_range)!"10.96.0.0/16"}
  storage:
    type: etcd
