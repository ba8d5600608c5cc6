/**
 * Kubernetes from the controller, through a kubeconfig: {@code kube} makes objects present or absent (its undo
 * puts back the previous object, kept in the run's backups, or deletes what it created), {@code kube_info}
 * reads objects, and {@code kube_wait} waits until a condition holds. Every call to a cluster goes through
 * {@link dev.unwind.module.kube.Cluster}, whose fabric8 implementation uses only create, read, replace, list and
 * delete, so it works against a real API server and fabric8's CRUD mock alike (no server-side apply there).
 */
package dev.unwind.module.kube;
