package com.example.shop.web.problems;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what the API accepts.
 *
 * @param maxBodySize the largest request body read; larger ones get {@code 413}
 */
@Validated
@ConfigurationProperties("orders.api")
public record ApiProperties(@NotNull DataSize maxBodySize) {
}
