package dev.unwind.lab.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * fabric8's CRUD dispatcher, which stores objects of any path, made to serve custom resources as kube-apiserver does:
 * a kind outside the built-in groups exists only while a CustomResourceDefinition serves it (404 otherwise), a created
 * CRD is Established at once (the apiextensions controller's part), and deleting a CRD deletes its objects.
 */
final class CrdServingDispatcher extends KubernetesCrudDispatcher {
    private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
    /** {@code /apis/GROUP/VERSION/[namespaces/NS/]PLURAL...}: a resource path, not discovery. */
    private static final Pattern RESOURCE = Pattern.compile("^/apis/([^/]+)/([^/]+)/(?:namespaces/[^/]+/)?([^/?]+)");
    /** kube-apiserver's answer for a path nothing serves (its not-found handler). */
    private static final String NOT_FOUND = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
            + "\"message\":\"the server could not find the requested resource\",\"reason\":\"NotFound\",\"details\":{},\"code\":404}";

    private final KubernetesSerialization json = new KubernetesSerialization();

    CrdServingDispatcher() {
        super(List.of());
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        Matcher m = RESOURCE.matcher(path);
        if (m.find() && custom(m.group(1)) && !served(m.group(1), m.group(2), m.group(3))) {
            return new MockResponse().setResponseCode(404).setHeader("Content-Type", "application/json").setBody(NOT_FOUND);
        }
        if (path.startsWith(CRDS) && (request.getMethod().equalsIgnoreCase("POST") || request.getMethod().equalsIgnoreCase("PUT"))) {
            return super.dispatch(established(request));
        }
        if (path.startsWith(CRDS + "/") && request.getMethod().equalsIgnoreCase("DELETE")) {
            deleteObjectsOf(path);
        }
        return super.dispatch(request);
    }

    /** Core ({@code /api/v1}) and groups without a dot or under k8s.io are built in; any other group comes from a CRD. */
    private static boolean custom(String group) {
        return group.contains(".") && !group.endsWith(".k8s.io");
    }

    private List<CustomResourceDefinition> crds() {
        String body = super.handleGet(CRDS).getBody().readUtf8();
        return json.unmarshal(body, CustomResourceDefinitionList.class).getItems();
    }

    private boolean served(String group, String version, String plural) {
        return crds().stream().anyMatch(crd -> group.equals(crd.getSpec().getGroup()) && plural.equals(crd.getSpec().getNames().getPlural())
                && crd.getSpec().getVersions().stream().anyMatch(v -> version.equals(v.getName()) && Boolean.TRUE.equals(v.getServed())));
    }

    /** The request with the status the apiextensions controller gives a CRD whose names are free. */
    private RecordedRequest established(RecordedRequest request) {
        GenericKubernetesResource crd = json.unmarshal(request.getUtf8Body(), GenericKubernetesResource.class);
        if (!(crd.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec)) {
            return request; // the dispatcher's own validation answers
        }
        String now = Instant.now().toString().replaceAll("\\.\\d+Z$", "Z");
        List<String> stored = new ArrayList<>();
        if (spec.get("versions") instanceof List<?> versions) {
            versions.stream().filter(v -> v instanceof Map<?, ?> vm && Boolean.TRUE.equals(vm.get("storage")))
                    .forEach(v -> stored.add(String.valueOf(((Map<?, ?>) v).get("name"))));
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("acceptedNames", spec.get("names"));
        status.put("conditions", List.of(
                condition("NamesAccepted", "NoConflicts", "no conflicts found", now),
                condition("Established", "InitialNamesAccepted", "the initial names have been accepted", now)));
        status.put("storedVersions", stored);
        crd.getAdditionalProperties().put("status", status);
        byte[] body = json.asJson(crd).getBytes(StandardCharsets.UTF_8);
        return new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(), request.getHeaders(), new Buffer(body));
    }

    private static Map<String, Object> condition(String type, String reason, String message, String now) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", type);
        c.put("status", "True");
        c.put("reason", reason);
        c.put("message", message);
        c.put("lastTransitionTime", now);
        return c;
    }

    /** What kube-apiserver does before a CRD goes: every object of its kind is deleted. */
    private void deleteObjectsOf(String crdPath) {
        String name = crdPath.substring(CRDS.length() + 1).replaceAll("[?].*$", "");
        for (CustomResourceDefinition crd : crds()) {
            if (!name.equals(crd.getMetadata().getName())) {
                continue;
            }
            String group = crd.getSpec().getGroup();
            String plural = crd.getSpec().getNames().getPlural();
            for (var v : crd.getSpec().getVersions()) {
                String list = "/apis/" + group + "/" + v.getName() + "/" + plural;
                for (GenericKubernetesResource o : json.unmarshal(super.handleGet(list).getBody().readUtf8(),
                        GenericKubernetesResourceList.class).getItems()) {
                    String ns = o.getMetadata().getNamespace();
                    super.handleDelete("/apis/" + group + "/" + v.getName() + "/" + (ns == null ? "" : "namespaces/" + ns + "/")
                            + plural + "/" + o.getMetadata().getName());
                }
            }
        }
    }
}
