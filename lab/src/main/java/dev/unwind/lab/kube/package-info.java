/**
 * The new cluster's Kubernetes API in the lab: fabric8's mock server in CRUD mode, with the Nodes kept in
 * step with the k0s stand-ins (a node is Ready while its k0s runs and a controller runs), and an admin
 * kubeconfig that {@code k0s kubeconfig admin} prints.
 */
package dev.unwind.lab.kube;
