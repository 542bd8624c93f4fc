/**
 * Programs the lab runs in JVMs of their own, as stand-ins for AWS services: here, the
 * SQS server. Each is a separate process so that it can be stopped, killed and restarted
 * on its own, like the service it stands for.
 */
@NullMarked
package com.example.shop.lab.servers;

import org.jspecify.annotations.NullMarked;
