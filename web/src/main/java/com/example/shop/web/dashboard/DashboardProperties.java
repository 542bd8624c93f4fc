package com.example.shop.web.dashboard;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dashboard.
 *
 * @param source where the monitor serves its JSON, e.g.
 * {@code http://127.0.0.1:8405/status.json}; unset (the default) turns the dashboard off
 */
@ConfigurationProperties("orders.dashboard")
record DashboardProperties(@Nullable URI source) {
}
