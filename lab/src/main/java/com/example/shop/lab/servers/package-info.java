/**
 * Programs the lab runs in JVMs of their own: the SQS server, a stand-in for an AWS
 * service, and the fault proxy, which stands between the instances and their dependencies
 * so that the network to them can be cut or slowed. Each is a separate process so that it
 * can be stopped, killed and restarted on its own, like the thing it stands for.
 */
@NullMarked
package com.example.shop.lab.servers;

import org.jspecify.annotations.NullMarked;
