package com.example.shop.web.dashboard;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard's scripts, only where a monitor is configured, as the page and its state
 * ({@link DashboardController}). uPlot, the chart, comes from its WebJar, pinned in the
 * build: no CDN.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("orders.dashboard.source")
class DashboardConfiguration {

	@Bean
	WebMvcConfigurer dashboardAssets() {
		return new WebMvcConfigurer() {
			@Override
			public void addResourceHandlers(ResourceHandlerRegistry registry) {
				registry.addResourceHandler("/dashboard/assets/**")
					.addResourceLocations("classpath:/dashboard/assets/");
			}
		};
	}

}
