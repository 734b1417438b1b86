/**
 * Lockstep — generated from lockstep.ecore by releng/modelgen; do not edit parts marked @generated
 */
package io.lockstep.model;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Ft Statistics</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.lockstep.model.FtStatistics#getEpochRate <em>Epoch Rate</em>}</li>
 *   <li>{@link io.lockstep.model.FtStatistics#getPauseP50Micros <em>Pause P50 Micros</em>}</li>
 *   <li>{@link io.lockstep.model.FtStatistics#getPauseP99Micros <em>Pause P99 Micros</em>}</li>
 *   <li>{@link io.lockstep.model.FtStatistics#getBytesSent <em>Bytes Sent</em>}</li>
 *   <li>{@link io.lockstep.model.FtStatistics#getLagMillis <em>Lag Millis</em>}</li>
 *   <li>{@link io.lockstep.model.FtStatistics#getCpuShare <em>Cpu Share</em>}</li>
 * </ul>
 *
 * @see io.lockstep.model.LockstepPackage#getFtStatistics()
 * @model
 * @generated
 */
public interface FtStatistics extends EObject {
	/**
	 * Returns the value of the '<em><b>Epoch Rate</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Epoch Rate</em>' attribute.
	 * @see #setEpochRate(double)
	 * @see io.lockstep.model.LockstepPackage#getFtStatistics_EpochRate()
	 * @model
	 * @generated
	 */
	double getEpochRate();

	/**
	 * Sets the value of the '{@link io.lockstep.model.FtStatistics#getEpochRate <em>Epoch Rate</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Epoch Rate</em>' attribute.
	 * @see #getEpochRate()
	 * @generated
	 */
	void setEpochRate(double value);

	/**
	 * Returns the value of the '<em><b>Pause P50 Micros</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Pause P50 Micros</em>' attribute.
	 * @see #setPauseP50Micros(long)
	 * @see io.lockstep.model.LockstepPackage#getFtStatistics_PauseP50Micros()
	 * @model
	 * @generated
	 */
	long getPauseP50Micros();

	/**
	 * Sets the value of the '{@link io.lockstep.model.FtStatistics#getPauseP50Micros <em>Pause P50 Micros</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Pause P50 Micros</em>' attribute.
	 * @see #getPauseP50Micros()
	 * @generated
	 */
	void setPauseP50Micros(long value);

	/**
	 * Returns the value of the '<em><b>Pause P99 Micros</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Pause P99 Micros</em>' attribute.
	 * @see #setPauseP99Micros(long)
	 * @see io.lockstep.model.LockstepPackage#getFtStatistics_PauseP99Micros()
	 * @model
	 * @generated
	 */
	long getPauseP99Micros();

	/**
	 * Sets the value of the '{@link io.lockstep.model.FtStatistics#getPauseP99Micros <em>Pause P99 Micros</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Pause P99 Micros</em>' attribute.
	 * @see #getPauseP99Micros()
	 * @generated
	 */
	void setPauseP99Micros(long value);

	/**
	 * Returns the value of the '<em><b>Bytes Sent</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Bytes Sent</em>' attribute.
	 * @see #setBytesSent(long)
	 * @see io.lockstep.model.LockstepPackage#getFtStatistics_BytesSent()
	 * @model
	 * @generated
	 */
	long getBytesSent();

	/**
	 * Sets the value of the '{@link io.lockstep.model.FtStatistics#getBytesSent <em>Bytes Sent</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Bytes Sent</em>' attribute.
	 * @see #getBytesSent()
	 * @generated
	 */
	void setBytesSent(long value);

	/**
	 * Returns the value of the '<em><b>Lag Millis</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Lag Millis</em>' attribute.
	 * @see #setLagMillis(double)
	 * @see io.lockstep.model.LockstepPackage#getFtStatistics_LagMillis()
	 * @model
	 * @generated
	 */
	double getLagMillis();

	/**
	 * Sets the value of the '{@link io.lockstep.model.FtStatistics#getLagMillis <em>Lag Millis</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Lag Millis</em>' attribute.
	 * @see #getLagMillis()
	 * @generated
	 */
	void setLagMillis(double value);

	/**
	 * Returns the value of the '<em><b>Cpu Share</b></em>' attribute.
	 * The default value is <code>"1.0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Cpu Share</em>' attribute.
	 * @see #setCpuShare(double)
	 * @see io.lockstep.model.LockstepPackage#getFtStatistics_CpuShare()
	 * @model default="1.0"
	 * @generated
	 */
	double getCpuShare();

	/**
	 * Sets the value of the '{@link io.lockstep.model.FtStatistics#getCpuShare <em>Cpu Share</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Cpu Share</em>' attribute.
	 * @see #getCpuShare()
	 * @generated
	 */
	void setCpuShare(double value);

} // FtStatistics
