package dev.unwind.lab.ucp;

/** What the fake UCP serves from, asked at every request: whether MKE 3 runs, and its configuration now. */
public interface UcpInstallation {

    /** True while MKE 3 is installed and its controller runs. */
    boolean answering();

    String configToml();

    /** Always answering, with the cluster's configuration. */
    static UcpInstallation always(UcpCluster cluster) {
        return new UcpInstallation() {
            @Override
            public boolean answering() {
                return true;
            }

            @Override
            public String configToml() {
                return cluster.configToml();
            }
        };
    }
}
