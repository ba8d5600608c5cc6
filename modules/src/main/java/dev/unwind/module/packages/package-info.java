/**
 * Package managers: {@code apt}, {@code package} (which dispatches to the host's manager) and
 * {@code restore_packages}, the internal module their automatic undo calls. apt first simulates
 * ({@code apt-get -s}) exactly the command it would run, so check mode and the real run share one plan
 * ({@link dev.unwind.module.packages.AptPlan}); the undo is computed from that plan and from what dpkg reported
 * before ({@link dev.unwind.module.packages.Installed}). The prior versions of what is upgraded or removed are
 * kept as .deb files on the host ({@link dev.unwind.module.packages.PriorDebs}), so an undo needs no repository
 * that still offers them.
 */
package dev.unwind.module.packages;
