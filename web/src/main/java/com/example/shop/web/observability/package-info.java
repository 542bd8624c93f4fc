/**
 * What each response tells about how it was served: which instance served it (so a demo
 * can show the load balancer's routing) and the correlation id that ties its log lines to
 * the worker's.
 */
@NullMarked
package com.example.shop.web.observability;

import org.jspecify.annotations.NullMarked;
