/**
 * Lockstep — generated from lockstep.ecore by releng/modelgen; do not edit parts marked @generated
 */
package io.lockstep.model.impl;

import io.lockstep.model.FtStatistics;
import io.lockstep.model.LockstepPackage;

import org.eclipse.emf.common.notify.Notification;

import org.eclipse.emf.ecore.EClass;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Ft Statistics</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link io.lockstep.model.impl.FtStatisticsImpl#getEpochRate <em>Epoch Rate</em>}</li>
 *   <li>{@link io.lockstep.model.impl.FtStatisticsImpl#getPauseP50Micros <em>Pause P50 Micros</em>}</li>
 *   <li>{@link io.lockstep.model.impl.FtStatisticsImpl#getPauseP99Micros <em>Pause P99 Micros</em>}</li>
 *   <li>{@link io.lockstep.model.impl.FtStatisticsImpl#getBytesSent <em>Bytes Sent</em>}</li>
 *   <li>{@link io.lockstep.model.impl.FtStatisticsImpl#getLagMillis <em>Lag Millis</em>}</li>
 *   <li>{@link io.lockstep.model.impl.FtStatisticsImpl#getCpuShare <em>Cpu Share</em>}</li>
 * </ul>
 *
 * @generated
 */
public class FtStatisticsImpl extends MinimalEObjectImpl.Container implements FtStatistics {
	/**
	 * The default value of the '{@link #getEpochRate() <em>Epoch Rate</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getEpochRate()
	 * @generated
	 * @ordered
	 */
	protected static final double EPOCH_RATE_EDEFAULT = 0.0;

	/**
	 * The cached value of the '{@link #getEpochRate() <em>Epoch Rate</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getEpochRate()
	 * @generated
	 * @ordered
	 */
	protected double epochRate = EPOCH_RATE_EDEFAULT;

	/**
	 * The default value of the '{@link #getPauseP50Micros() <em>Pause P50 Micros</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPauseP50Micros()
	 * @generated
	 * @ordered
	 */
	protected static final long PAUSE_P50_MICROS_EDEFAULT = 0L;

	/**
	 * The cached value of the '{@link #getPauseP50Micros() <em>Pause P50 Micros</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPauseP50Micros()
	 * @generated
	 * @ordered
	 */
	protected long pauseP50Micros = PAUSE_P50_MICROS_EDEFAULT;

	/**
	 * The default value of the '{@link #getPauseP99Micros() <em>Pause P99 Micros</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPauseP99Micros()
	 * @generated
	 * @ordered
	 */
	protected static final long PAUSE_P99_MICROS_EDEFAULT = 0L;

	/**
	 * The cached value of the '{@link #getPauseP99Micros() <em>Pause P99 Micros</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPauseP99Micros()
	 * @generated
	 * @ordered
	 */
	protected long pauseP99Micros = PAUSE_P99_MICROS_EDEFAULT;

	/**
	 * The default value of the '{@link #getBytesSent() <em>Bytes Sent</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getBytesSent()
	 * @generated
	 * @ordered
	 */
	protected static final long BYTES_SENT_EDEFAULT = 0L;

	/**
	 * The cached value of the '{@link #getBytesSent() <em>Bytes Sent</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getBytesSent()
	 * @generated
	 * @ordered
	 */
	protected long bytesSent = BYTES_SENT_EDEFAULT;

	/**
	 * The default value of the '{@link #getLagMillis() <em>Lag Millis</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getLagMillis()
	 * @generated
	 * @ordered
	 */
	protected static final double LAG_MILLIS_EDEFAULT = 0.0;

	/**
	 * The cached value of the '{@link #getLagMillis() <em>Lag Millis</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getLagMillis()
	 * @generated
	 * @ordered
	 */
	protected double lagMillis = LAG_MILLIS_EDEFAULT;

	/**
	 * The default value of the '{@link #getCpuShare() <em>Cpu Share</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCpuShare()
	 * @generated
	 * @ordered
	 */
	protected static final double CPU_SHARE_EDEFAULT = 1.0;

	/**
	 * The cached value of the '{@link #getCpuShare() <em>Cpu Share</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCpuShare()
	 * @generated
	 * @ordered
	 */
	protected double cpuShare = CPU_SHARE_EDEFAULT;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected FtStatisticsImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return LockstepPackage.Literals.FT_STATISTICS;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public double getEpochRate() {
		return epochRate;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setEpochRate(double newEpochRate) {
		double oldEpochRate = epochRate;
		epochRate = newEpochRate;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.FT_STATISTICS__EPOCH_RATE, oldEpochRate, epochRate));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getPauseP50Micros() {
		return pauseP50Micros;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setPauseP50Micros(long newPauseP50Micros) {
		long oldPauseP50Micros = pauseP50Micros;
		pauseP50Micros = newPauseP50Micros;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.FT_STATISTICS__PAUSE_P50_MICROS, oldPauseP50Micros, pauseP50Micros));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getPauseP99Micros() {
		return pauseP99Micros;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setPauseP99Micros(long newPauseP99Micros) {
		long oldPauseP99Micros = pauseP99Micros;
		pauseP99Micros = newPauseP99Micros;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.FT_STATISTICS__PAUSE_P99_MICROS, oldPauseP99Micros, pauseP99Micros));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getBytesSent() {
		return bytesSent;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setBytesSent(long newBytesSent) {
		long oldBytesSent = bytesSent;
		bytesSent = newBytesSent;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.FT_STATISTICS__BYTES_SENT, oldBytesSent, bytesSent));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public double getLagMillis() {
		return lagMillis;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setLagMillis(double newLagMillis) {
		double oldLagMillis = lagMillis;
		lagMillis = newLagMillis;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.FT_STATISTICS__LAG_MILLIS, oldLagMillis, lagMillis));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public double getCpuShare() {
		return cpuShare;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setCpuShare(double newCpuShare) {
		double oldCpuShare = cpuShare;
		cpuShare = newCpuShare;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.FT_STATISTICS__CPU_SHARE, oldCpuShare, cpuShare));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case LockstepPackage.FT_STATISTICS__EPOCH_RATE:
				return getEpochRate();
			case LockstepPackage.FT_STATISTICS__PAUSE_P50_MICROS:
				return getPauseP50Micros();
			case LockstepPackage.FT_STATISTICS__PAUSE_P99_MICROS:
				return getPauseP99Micros();
			case LockstepPackage.FT_STATISTICS__BYTES_SENT:
				return getBytesSent();
			case LockstepPackage.FT_STATISTICS__LAG_MILLIS:
				return getLagMillis();
			case LockstepPackage.FT_STATISTICS__CPU_SHARE:
				return getCpuShare();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case LockstepPackage.FT_STATISTICS__EPOCH_RATE:
				setEpochRate((Double)newValue);
				return;
			case LockstepPackage.FT_STATISTICS__PAUSE_P50_MICROS:
				setPauseP50Micros((Long)newValue);
				return;
			case LockstepPackage.FT_STATISTICS__PAUSE_P99_MICROS:
				setPauseP99Micros((Long)newValue);
				return;
			case LockstepPackage.FT_STATISTICS__BYTES_SENT:
				setBytesSent((Long)newValue);
				return;
			case LockstepPackage.FT_STATISTICS__LAG_MILLIS:
				setLagMillis((Double)newValue);
				return;
			case LockstepPackage.FT_STATISTICS__CPU_SHARE:
				setCpuShare((Double)newValue);
				return;
		}
		super.eSet(featureID, newValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eUnset(int featureID) {
		switch (featureID) {
			case LockstepPackage.FT_STATISTICS__EPOCH_RATE:
				setEpochRate(EPOCH_RATE_EDEFAULT);
				return;
			case LockstepPackage.FT_STATISTICS__PAUSE_P50_MICROS:
				setPauseP50Micros(PAUSE_P50_MICROS_EDEFAULT);
				return;
			case LockstepPackage.FT_STATISTICS__PAUSE_P99_MICROS:
				setPauseP99Micros(PAUSE_P99_MICROS_EDEFAULT);
				return;
			case LockstepPackage.FT_STATISTICS__BYTES_SENT:
				setBytesSent(BYTES_SENT_EDEFAULT);
				return;
			case LockstepPackage.FT_STATISTICS__LAG_MILLIS:
				setLagMillis(LAG_MILLIS_EDEFAULT);
				return;
			case LockstepPackage.FT_STATISTICS__CPU_SHARE:
				setCpuShare(CPU_SHARE_EDEFAULT);
				return;
		}
		super.eUnset(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean eIsSet(int featureID) {
		switch (featureID) {
			case LockstepPackage.FT_STATISTICS__EPOCH_RATE:
				return epochRate != EPOCH_RATE_EDEFAULT;
			case LockstepPackage.FT_STATISTICS__PAUSE_P50_MICROS:
				return pauseP50Micros != PAUSE_P50_MICROS_EDEFAULT;
			case LockstepPackage.FT_STATISTICS__PAUSE_P99_MICROS:
				return pauseP99Micros != PAUSE_P99_MICROS_EDEFAULT;
			case LockstepPackage.FT_STATISTICS__BYTES_SENT:
				return bytesSent != BYTES_SENT_EDEFAULT;
			case LockstepPackage.FT_STATISTICS__LAG_MILLIS:
				return lagMillis != LAG_MILLIS_EDEFAULT;
			case LockstepPackage.FT_STATISTICS__CPU_SHARE:
				return cpuShare != CPU_SHARE_EDEFAULT;
		}
		return super.eIsSet(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		if (eIsProxy()) return super.toString();

		StringBuilder result = new StringBuilder(super.toString());
		result.append(" (epochRate: ");
		result.append(epochRate);
		result.append(", pauseP50Micros: ");
		result.append(pauseP50Micros);
		result.append(", pauseP99Micros: ");
		result.append(pauseP99Micros);
		result.append(", bytesSent: ");
		result.append(bytesSent);
		result.append(", lagMillis: ");
		result.append(lagMillis);
		result.append(", cpuShare: ");
		result.append(cpuShare);
		result.append(')');
		return result.toString();
	}

} //FtStatisticsImpl
