/**
 * Host lists of the Mirantis tools read as inventories: mkectl's {@code hosts.yaml}, launchpad's
 * {@code launchpad.yaml}, k0sctl's {@code k0sctl.yaml} and MKE 4k's {@code mke4.yaml}. Each host
 * becomes an inventory host whose connection is mapped to Ansible's variables:
 * <ul>
 * <li>name: {@code hostname} when given (k0sctl/mke4), else the SSH address; a repeated name gets
 *     {@code _PORT} appended;</li>
 * <li>{@code ssh.address}/{@code address} &rarr; {@code ansible_host}, {@code port} &rarr;
 *     {@code ansible_port}, {@code user} &rarr; {@code ansible_user}, {@code keyPath} &rarr;
 *     {@code ansible_ssh_private_key_file};</li>
 * <li>{@code bastion{address,user,port,keyPath}} &rarr; {@code ansible_ssh_common_args}
 *     {@code -o ProxyJump=user@address:port} plus {@code unwind_bastion} (the map, for the key);</li>
 * <li>{@code localhost: {enabled: true}} &rarr; {@code ansible_connection: local}; {@code winRM}
 *     &rarr; {@code ansible_connection: winrm};</li>
 * <li>{@code role} &rarr; groups: launchpad {@code manager}/{@code worker}/{@code msr}; k0sctl and
 *     mke4 {@code controller}, {@code worker} ({@code controller+worker} and {@code single} are in
 *     both); mkectl hosts have no role (mkectl detects it) and are ungrouped;</li>
 * <li>every other field of the host &rarr; a variable named {@code TOOL_snake_case_field}
 *     ({@code TOOL} is {@code mkectl}, {@code launchpad}, {@code k0sctl} or {@code mke}), e.g.
 *     {@code privateAddress} &rarr; {@code mkectl_private_address}, {@code role} &rarr;
 *     {@code k0sctl_role}.</li>
 * </ul>
 */
package dev.unwind.inventory.mirantis;
