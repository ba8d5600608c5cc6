/**
 * The new cluster's API as the MKE modules need it: get, create, replace and delete objects given as
 * plain manifests, behind {@link dev.unwind.mke.kube.ClusterObjects}, implemented by the MKE modules over the
 * {@code kube} modules' cluster access (fabric8; works against a real API server and fabric8's CRUD
 * mock: only plain create, read, update and delete are used).
 */
package dev.unwind.mke.kube;
