/**
 * Reading an MKE 3 node from the text its tools print: {@code docker info} JSON (Swarm membership and
 * role), {@code docker ps} and {@code docker node ls} JSON lines (UCP containers, the MKE version, node
 * readiness), and {@code ss -ltnp} (who listens on which port). Parsers only; modules run the commands.
 */
package dev.unwind.mke.facts;
