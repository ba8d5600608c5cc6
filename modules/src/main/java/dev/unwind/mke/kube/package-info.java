/**
 * The new cluster's API as the MKE modules need it: get, create, replace and delete objects given as
 * plain manifests, behind {@link dev.unwind.mke.kube.ClusterObjects}. The fabric8 implementation works
 * against a real API server and against fabric8's mock server in CRUD mode (no server-side apply, no
 * strategic merge: only plain create, update and delete are used).
 */
package dev.unwind.mke.kube;
